* Problem:    m
* Class:      LP
* Rows:       9
* Columns:    5
* Non-zeros:  30
* Format:     Free MPS
*
NAME m
ROWS
 N revenue
 L available[KZ]
 L available[AZ]
 L available[UZ]
 L market[RO]
 L market[TR]
 L fair[KZ]
 L fair[AZ]
 L fair[UZ]
COLUMNS
 flow[KZ,RO] revenue 96.43 available[KZ] 1
 flow[KZ,RO] market[RO] 0.98 fair[KZ] 0.4
 flow[KZ,RO] fair[AZ] -0.6 fair[UZ] -0.6
 flow[KZ,TR] revenue 68.6 available[KZ] 1
 flow[KZ,TR] market[TR] 0.98 fair[KZ] 0.4
 flow[KZ,TR] fair[AZ] -0.6 fair[UZ] -0.6
 flow[AZ,RO] revenue 101.43 available[AZ] 1
 flow[AZ,RO] market[RO] 0.98 fair[KZ] -0.6
 flow[AZ,RO] fair[AZ] 0.4 fair[UZ] -0.6
 flow[AZ,TR] revenue 66.1 available[AZ] 1
 flow[AZ,TR] market[TR] 0.98 fair[KZ] -0.6
 flow[AZ,TR] fair[AZ] 0.4 fair[UZ] -0.6
 flow[UZ,TR] revenue 68.6 available[UZ] 1
 flow[UZ,TR] market[TR] 0.98 fair[KZ] -0.6
 flow[UZ,TR] fair[AZ] -0.6 fair[UZ] 0.4
RHS
 RHS1 available[KZ] 500 available[AZ] 4000
 RHS1 available[UZ] 1000 market[RO] 2000
 RHS1 market[TR] 3000 fair[KZ] 1
 RHS1 fair[AZ] 1 fair[UZ] 1
BOUNDS
 UP BND1 flow[KZ,RO] 1000
 UP BND1 flow[KZ,TR] 900
 UP BND1 flow[AZ,RO] 1300
 UP BND1 flow[AZ,TR] 1000
 UP BND1 flow[UZ,TR] 1000
ENDATA
