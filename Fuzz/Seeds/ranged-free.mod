/* Seed for the MathProg fuzz target (written for this project): ranged rows, a free
   column, fixed columns and an objective constant. */
var x >= -5, <= 5;
var y;
var z = 3;
var w >= 0, integer;
minimize cost: 2 * x - y + 0.5 * w + 7;
s.t. r1: -1 <= x + y <= 4;
s.t. r2: y - w >= -2;
s.t. r3: x + z + w <= 10;
s.t. r4: 3 * x - 2 * y = 1;
solve;
display x, y, w, cost;
end;
