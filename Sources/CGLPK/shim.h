#ifndef LUNGANG_CGLPK_SHIM_H
#define LUNGANG_CGLPK_SHIM_H
#include <glpk.h>
#endif
