from .. import DEFAULT
from ..circle import Circle as C
NAME = 'sub sees ' + DEFAULT
