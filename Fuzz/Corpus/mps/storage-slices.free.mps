* Problem:    m
* Class:      MIP
* Rows:       13
* Columns:    13 (1 integer, 1 binary)
* Non-zeros:  36
* Format:     Free MPS
*
NAME m
ROWS
 E balance[1]
 E balance[2]
 E balance[3]
 E balance[4]
 L cap[1]
 L cap[2]
 L cap[3]
 L cap[4]
 L source[1]
 L source[2]
 L source[3]
 L source[4]
 N value
COLUMNS
 charge[1] balance[1] -5.4 source[1] 1
 charge[1] value -120
 charge[2] balance[2] -5.4 source[2] 1
 charge[2] value -600
 charge[3] balance[3] -5.4 source[3] 1
 charge[3] value -240
 charge[4] balance[4] -5.4 source[4] 1
 charge[4] value -540
 discharge[1] balance[1] 6 value 120
 discharge[2] balance[2] 6 value 600
 discharge[3] balance[3] 6 value 240
 discharge[4] balance[4] 6 value 540
 level[1] balance[1] 1 balance[2] -1
 level[1] cap[1] 1
 level[2] balance[2] 1 balance[3] -1
 level[2] cap[2] 1
 level[3] balance[3] 1 balance[4] -1
 level[3] cap[3] 1
 level[4] balance[4] 1 cap[4] 1
 M0000001 'MARKER' 'INTORG'
 build cap[1] -400 cap[2] -400
 build cap[3] -400 cap[4] -400
 build value -50
 M0000002 'MARKER' 'INTEND'
RHS
 RHS1 source[1] 80 source[3] 60
BOUNDS
 UP BND1 charge[1] 100
 UP BND1 charge[2] 100
 UP BND1 charge[3] 100
 UP BND1 charge[4] 100
 UP BND1 discharge[1] 100
 UP BND1 discharge[2] 100
 UP BND1 discharge[3] 100
 UP BND1 discharge[4] 100
 UP BND1 build 1
ENDATA
