WHO = 'mod_b in b/'
