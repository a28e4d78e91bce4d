* Problem:    m
* Class:      MIP
* Rows:       5
* Columns:    4 (1 integer, 0 binary)
* Non-zeros:  12
* Format:     Fixed MPS
*
NAME          m
ROWS
 N  cost
 E  r1
 G  r2
 L  r3
 E  r4
COLUMNS
    x         cost                 2   r1                   1
    x         r3                   1   r4                   3
    y         cost                -1   r1                   0
    y         r2                   1   r4                  -2
    z         r3                   1
    M0000001  'MARKER'                 'INTORG'
    w     CX  cost               0.5   r2                  -1
    w         r3                   1
    M0000002  'MARKER'                 'INTEND'
RHS
    RHS1      r1                  -1   r2                  -2
    RHS1      r3                  10   r4                   1
RANGES
    RNG1      r1                   5
BOUNDS
 LO BND1      x                   -5
 UP BND1      x                    5
 FR BND1      x       
 FX BND1      z                    3
 PL BND1      w       
ENDATA
