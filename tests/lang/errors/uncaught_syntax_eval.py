# A SyntaxError raised by eval() propagates to top level.
# exit: 1
eval('1 +* 2')
