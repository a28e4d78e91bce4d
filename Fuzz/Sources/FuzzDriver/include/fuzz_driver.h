// Entry into libFuzzer for SwiftPM executables (see fuzz_driver.c).
#ifndef CORRIDOR_FUZZ_DRIVER_H
#define CORRIDOR_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (command line as for any libFuzzer binary) on `test_one_input`.
int corridor_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
