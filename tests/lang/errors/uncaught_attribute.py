# AttributeError with suggestions: the last line carries 'Did you mean'.
# exit: 1
class Config:
    def __init__(self):
        self.verbose = True
Config().verbos
