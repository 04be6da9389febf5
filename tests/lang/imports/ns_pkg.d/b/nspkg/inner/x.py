X = 'inner ns'
