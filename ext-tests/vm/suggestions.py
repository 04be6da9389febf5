# "Did you mean" suggestions in printed reports (NameError, AttributeError, forgotten imports).
class Config:
    def __init__(self):
        self.verbose = 1
    def m(self):
        return verbose
try:
    prnt("x")
except NameError as e:
    import sys
    sys.excepthook(type(e), e, e.__traceback__)
try:
    Config().verbos
except AttributeError as e:
    sys.excepthook(type(e), e, e.__traceback__)
try:
    Config().m()
except NameError as e:
    sys.excepthook(type(e), e, e.__traceback__)
try:
    math.pi
except NameError as e:
    sys.excepthook(type(e), e, e.__traceback__)
