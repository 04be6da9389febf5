/* A shared object that defines no PyInit_bad_noinit: import must raise ImportError. */
int bad_noinit_unrelated(void);
int bad_noinit_unrelated(void) { return 1; }
