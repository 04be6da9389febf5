/* errors: PyErr_Print on SystemExit ends the process with its code. */
#include "common.h"
#include <unistd.h>

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    BEGIN();
    printf("before\n");
    PyErr_SetObject(PyExc_SystemExit, PyLong_FromLong(0));
    PyErr_Print();
    printf("not reached\n");
    END();
}
