from . import NAME
from .. import circle as top
VALUE = NAME + ' / deep, top is ' + top.__name__
