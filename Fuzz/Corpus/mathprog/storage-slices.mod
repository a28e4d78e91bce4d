/* Seed for the MathProg fuzz target (written for this project): storage shifting
   energy between time slices, with an integer build decision. */
param T integer > 0;
set S := 1..T;
param hours{S} > 0;
param price{S};
param inflow{S} >= 0;
param eff, > 0, <= 1;
var charge{S} >= 0, <= 100;
var discharge{S} >= 0, <= 100;
var level{S} >= 0;
var build binary;
s.t. balance{t in S}: level[t] = (if t > 1 then level[t - 1] else 0)
    + hours[t] * (eff * charge[t] - discharge[t]);
s.t. cap{t in S}: level[t] <= 400 * build;
s.t. source{t in S}: charge[t] <= inflow[t];
maximize value: sum{t in S} hours[t] * price[t] * (discharge[t] - charge[t]) - 50 * build;
solve;
printf "build %d value %.3f\n", build, value;
end;
#=== data
data;
param T := 4;
param hours := 1 6, 2 6, 3 6, 4 6;
param price := 1 20, 2 100, 3 40, 4 90;
param inflow := 1 80, 2 0, 3 60, 4 0;
param eff := 0.9;
end;
