ATTR = 'set before failure'
raise RuntimeError('module init failed')
