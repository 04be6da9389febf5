NAME = 'deepest'
