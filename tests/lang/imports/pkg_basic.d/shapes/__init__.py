print('shapes/__init__ runs, __name__ =', __name__, '__package__ =', __package__)
from .circle import Circle
DEFAULT = 'square'
