// SwiftPM links a Linux executable with `main` defined as an alias of `<Module>_main`
// (the function Swift's `@main` generates), so libFuzzer's own `main` cannot be used.
// Each target's `@main` calls this instead, and libFuzzer's documented entry point for
// custom mains, LLVMFuzzerRunDriver, does what libFuzzer's `main` would.
#include "fuzz_driver.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*user_cb)(const uint8_t *data, size_t size));

int corridor_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size)) {
  return LLVMFuzzerRunDriver(&argc, &argv, test_one_input);
}
