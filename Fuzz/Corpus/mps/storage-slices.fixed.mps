* Problem:    m
* Class:      MIP
* Rows:       13
* Columns:    13 (1 integer, 1 binary)
* Non-zeros:  36
* Format:     Fixed MPS
*
NAME          m
ROWS
 E  R0000001
 E  R0000002
 E  R0000003
 E  R0000004
 L  cap[1]
 L  cap[2]
 L  cap[3]
 L  cap[4]
 L  R0000009
 L  R0000010
 L  R0000011
 L  R0000012
 N  value
COLUMNS
    C0000001  R0000001          -5.4   R0000009             1
    C0000001  value             -120
    C0000002  R0000002          -5.4   R0000010             1
    C0000002  value             -600
    C0000003  R0000003          -5.4   R0000011             1
    C0000003  value             -240
    C0000004  R0000004          -5.4   R0000012             1
    C0000004  value             -540
    C0000005  R0000001             6   value              120
    C0000006  R0000002             6   value              600
    C0000007  R0000003             6   value              240
    C0000008  R0000004             6   value              540
    level[1]  R0000001             1   R0000002            -1
    level[1]  cap[1]               1
    level[2]  R0000002             1   R0000003            -1
    level[2]  cap[2]               1
    level[3]  R0000003             1   R0000004            -1
    level[3]  cap[3]               1
    level[4]  R0000004             1   cap[4]               1
    M0000001  'MARKER'                 'INTORG'
    build     cap[1]            -400   cap[2]            -400
    build     cap[3]            -400   cap[4]            -400
    build     value              -50
    M0000002  'MARKER'                 'INTEND'
RHS
    RHS1      R0000009            80   R0000011            60
BOUNDS
 UP BND1      C0000001           100
 UP BND1      C0000002           100
 UP BND1      C0000003           100
 UP BND1      C0000004           100
 UP BND1      C0000005           100
 UP BND1      C0000006           100
 UP BND1      C0000007           100
 UP BND1      C0000008           100
 UP BND1      build                1
ENDATA
