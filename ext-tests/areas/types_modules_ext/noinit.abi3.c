/* defines no module export function */
int noinit_dummy(void) { return 1; }
