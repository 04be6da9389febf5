WHERE = 'only second'
