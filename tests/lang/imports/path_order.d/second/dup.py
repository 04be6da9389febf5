WHERE = 'second'
