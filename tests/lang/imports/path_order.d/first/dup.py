WHERE = 'first'
