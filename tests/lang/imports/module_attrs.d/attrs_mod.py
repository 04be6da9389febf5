"""The module docstring."""
import sys
RUNS = getattr(sys, '_attrs_runs', 0) + 1
sys._attrs_runs = RUNS
def __getattr__(name):
    if name == 'dynamic':
        return 'module __getattr__'
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
def __dir__():
    return ['custom', 'dir']
