WHO = 'mod_a in a/'
