* Seed for the MPS fuzz targets (written for this project): every bound type,
* RANGES on each row type, an objective constant (RHS of the objective row).
NAME          BOUNDTYPES
ROWS
 N  obj
 L  cap
 G  floor
 E  balance
 N  free
COLUMNS
    MARKER                 'MARKER'                 'INTORG'
    x1        obj          1.0          cap          1.0
    x1        balance      1.0
    MARKER                 'MARKER'                 'INTEND'
    x2        obj          2.0          floor        1.0
    x3        cap          1.0          balance      -1.0
    x4        obj          -1.0         free         3.0
    x5        floor        2.0          obj          0.5
    x6        cap          1.0
    x7        balance      2.0
RHS
    RHS       obj          -10.0        cap          4.0
    RHS       floor        1.0          balance      0.0
RANGES
    RNG       cap          2.0          floor        3.0
    RNG       balance      -1.5
BOUNDS
 UP BND       x1           4.0
 LO BND       x2           -1.0
 UP BND       x2           1e30
 MI BND       x3
 PL BND       x4
 FX BND       x5           2.5
 BV BND       x6
 LI BND       x7           -3
 UI BND       x7           3
ENDATA
