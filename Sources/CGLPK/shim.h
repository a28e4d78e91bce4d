/* The GLPK C API as Swift sees it. Only the LinearProgramming module imports
   this module; no GLPK type appears in any public Swift API. */
#ifndef CORRIDOR_CGLPK_SHIM_H
#define CORRIDOR_CGLPK_SHIM_H
#include <glpk.h>
#endif
