V = 'child'
