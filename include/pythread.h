/* Carapace pythread.h -- everything it declares is in Python.h. */
#include "Python.h"
