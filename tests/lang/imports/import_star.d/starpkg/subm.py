S = 'submodule loaded by star'
