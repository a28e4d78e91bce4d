* Problem:    m
* Class:      LP
* Rows:       9
* Columns:    5
* Non-zeros:  30
* Format:     Fixed MPS
*
NAME          m
ROWS
 N  revenue
 L  R0000002
 L  R0000003
 L  R0000004
 L  R0000005
 L  R0000006
 L  fair[KZ]
 L  fair[AZ]
 L  fair[UZ]
COLUMNS
    C0000001  revenue          96.43   R0000002             1
    C0000001  R0000005          0.98   fair[KZ]           0.4
    C0000001  fair[AZ]          -0.6   fair[UZ]          -0.6
    C0000002  revenue           68.6   R0000002             1
    C0000002  R0000006          0.98   fair[KZ]           0.4
    C0000002  fair[AZ]          -0.6   fair[UZ]          -0.6
    C0000003  revenue         101.43   R0000003             1
    C0000003  R0000005          0.98   fair[KZ]          -0.6
    C0000003  fair[AZ]           0.4   fair[UZ]          -0.6
    C0000004  revenue           66.1   R0000003             1
    C0000004  R0000006          0.98   fair[KZ]          -0.6
    C0000004  fair[AZ]           0.4   fair[UZ]          -0.6
    C0000005  revenue           68.6   R0000004             1
    C0000005  R0000006          0.98   fair[KZ]          -0.6
    C0000005  fair[AZ]          -0.6   fair[UZ]           0.4
RHS
    RHS1      R0000002           500   R0000003          4000
    RHS1      R0000004          1000   R0000005          2000
    RHS1      R0000006          3000   fair[KZ]             1
    RHS1      fair[AZ]             1   fair[UZ]             1
BOUNDS
 UP BND1      C0000001          1000
 UP BND1      C0000002           900
 UP BND1      C0000003          1300
 UP BND1      C0000004          1000
 UP BND1      C0000005          1000
ENDATA
