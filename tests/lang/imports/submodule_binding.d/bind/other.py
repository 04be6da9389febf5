from . import child
W = child.V + ' via other'
