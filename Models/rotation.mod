# Lungang: teacher rotation (干部教师交流轮岗) as an integer program, GNU MathProg.
#
# An independent second implementation of /work/shared/spec/model.md (version 1).
# It reads RAW data (schools, staff, posts, scenario rules and weights, as written by
# GMPLDataWriter) and derives everything itself: eligibility, movability, allowed
# destinations, caps and posts, quota requirements, outflow limits, haversine distances,
# wish costs and the balance (优质均衡) epigraph.
#
#   glpsol -m Models/rotation.mod -d FILE.dat
#
# After the solve it prints machine-readable lines:
#   TERM <name> <value>      weighted objective terms (they add up to TOTAL)
#   TOTAL <value>            the objective of model.md, constants included
#   CHECK balance_exact <v>  W_balance * B recomputed from the plan (must equal TERM balance)
#   COUNT <name> <value>     a few counts
#   MOVE <person> <from> <to> <stage|cadre>   one line per move
# Column prefixes: assign short u v w cnt t.  Row prefixes: one post shortage cpost cshortage
# quota keyshare outflow cadre_quota avoid count balance.

# =====================================================================================
# Fixed code lists
# =====================================================================================
set STAGE := {'primary', 'junior'};
param srank{g in STAGE} := if g = 'primary' then 1 else 2;   # primary < junior
set SUBJ := {'chinese', 'math', 'english', 'physics', 'chemistry', 'biology', 'politics',
             'history', 'geography', 'science', 'pe', 'music', 'art', 'it', 'psychology',
             'labor', 'other'};
set CROLE := {'principal', 'vice_principal'};
set ALLIND := {'higher_degree', 'key', 'pe_arts', 'senior_title'};
param eps := 1e-9;                    # tolerance of ceil and floor (model.md)
param R_earth := 6371.0;
param rad := 4 * atan(1) / 180;

# =====================================================================================
# Raw data: schools
# =====================================================================================
set SCHOOLS;
param zone{SCHOOLS} integer >= 1;               # zone code (1..): equal codes = same 学区
param grp{SCHOOLS} integer >= 0, default 0;     # group code, 0 = no 教育集团
param tier{SCHOOLS} integer >= 1, <= 3;         # 1 strong .. 3 weak
param pupils{SCHOOLS, STAGE} integer >= 0;
set LOC within SCHOOLS, default {};             # schools whose location is known
param lat{LOC};
param lon{LOC};

# =====================================================================================
# Raw data: staff
# =====================================================================================
set PERSONS;
param role{PERSONS} symbolic in {'teacher', 'principal', 'vice_principal'};
param gender{PERSONS} symbolic in {'M', 'F'};
param birth{PERSONS} integer;
param school{PERSONS} symbolic in SCHOOLS;
param stage{PERSONS} symbolic, default 'none';          # teachers only
param subject{PERSONS} symbolic, default 'none';        # teachers only
param cert{i in PERSONS} symbolic, default stage[i];    # default: the stage taught
param title{PERSONS} symbolic in {'none', 'third', 'second', 'first', 'senior', 'full_senior'}, default 'none';
param key{PERSONS} symbolic in {'none', 'district', 'municipal', 'leader', 'special'}, default 'none';
param degree{PERSONS} symbolic in {'secondary', 'associate', 'bachelor', 'master', 'doctor'};
param years{PERSONS} integer >= 0;
param exempt{PERSONS} binary, default 0;
param volunteer{PERSONS} binary, default 0;
set HOME within PERSONS, default {};            # persons whose home location is known
param hlat{HOME};
param hlon{HOME};
param gave_wishes{PERSONS} binary, default 0;   # the wish list is not empty
param wrank{PERSONS, SCHOOLS} integer >= 0, default 0;   # 1-based position of first occurrence; 0 = not wished
set PAST within PERSONS cross SCHOOLS, default (PERSONS cross SCHOOLS) diff (PERSONS cross SCHOOLS);
set AVOIDL within PERSONS cross PERSONS, default (PERSONS cross PERSONS) diff (PERSONS cross PERSONS);     # (a, b): a lists b
set POSTK within SCHOOLS cross STAGE cross SUBJ, default (SCHOOLS cross STAGE cross SUBJ) diff (SCHOOLS cross STAGE cross SUBJ);
param posts_given{POSTK} integer >= 0;

# =====================================================================================
# Raw data: scenario rules and weights
# =====================================================================================
param year integer;
param teacher_min_years integer >= 0;
param cadre_min_years integer >= 0;
param ret_age{{'M', 'F'}} integer;
param ret_buffer integer;
param scope symbolic in {'zone', 'group', 'zone_or_group', 'district'};
param same_stage binary;
param commute_limit binary;                     # 0: max_commute_km is null
param max_commute_km >= 0, default 0;
param key_to_same_or_weaker binary;
param wishes_only binary;
param teacher_quota >= 0, <= 1;
set QUOTA_TIERS within {1, 2, 3}, default {};
param key_share >= 0, <= 1;
param cadre_quota_share >= 0, <= 1;     # rules.cadre_quota (the row is named cadre_quota)
param max_outflow >= 0, <= 1;
set IND within ALLIND, default {};
param W_shortage >= 0;
param W_quota >= 0;
param W_key_share >= 0;
param W_cadre_quota >= 0;
param W_balance >= 0;
param W_wish >= 0;
param wish_miss >= 0;
param W_commute >= 0;
param W_move >= 0;

# =====================================================================================
# Derived facts
# =====================================================================================
set TEACH := {i in PERSONS: role[i] = 'teacher'};
set CADRE := {i in PERSONS: role[i] <> 'teacher'};
set SEC := {j in SCHOOLS, g in STAGE: pupils[j, g] > 0};          # sections

# Eligible (应交流): min years, not exempt, strictly more than the buffer before retirement.
param eligible{i in PERSONS} :=
  if years[i] >= (if role[i] = 'teacher' then teacher_min_years else cadre_min_years)
     and exempt[i] = 0
     and ret_age[gender[i]] - (year - birth[i]) > ret_buffer
  then 1 else 0;
# Movable: eligible, or volunteer and not exempt.
param movable{i in PERSONS} := if eligible[i] = 1 or (volunteer[i] = 1 and exempt[i] = 0) then 1 else 0;

# Indicator properties of teacher i when in a section of stage g.
param drank{i in PERSONS} :=
  if degree[i] = 'secondary' then 0 else if degree[i] = 'associate' then 1
  else if degree[i] = 'bachelor' then 2 else if degree[i] = 'master' then 3 else 4;
param prop{i in TEACH, g in STAGE, m in IND} :=
  if m = 'higher_degree' then (if drank[i] >= (if g = 'primary' then 1 else 2) then 1 else 0)
  else if m = 'key' then (if key[i] <> 'none' then 1 else 0)
  else if m = 'pe_arts' then (if subject[i] in {'pe', 'music', 'art'} then 1 else 0)
  else (if title[i] in {'senior', 'full_senior'} then 1 else 0);

# Teachers now in a section; teaching posts per (section, subject).
set AT{(j, g) in SEC} := {i in TEACH: school[i] = j and stage[i] = g};
param cur{(j, g) in SEC, s in SUBJ} := card({i in AT[j, g]: subject[i] = s});
set PKS := {(j, g) in SEC, s in SUBJ: cur[j, g, s] > 0 or (j, g, s) in POSTK};
param posts{(j, g, s) in PKS} := if (j, g, s) in POSTK then posts_given[j, g, s] else cur[j, g, s];
param cap{(j, g, s) in PKS} := max(posts[j, g, s], cur[j, g, s]);
param capf{(j, g) in SEC, s in SUBJ} := if (j, g, s) in PKS then cap[j, g, s] else 0;

# Cadre posts per (school, role): the current count.
param ccur{j in SCHOOLS, r in CROLE} := card({i in CADRE: school[i] = j and role[i] = r});

# Scope: same zone; same non-empty group; either; anywhere.
param inscope{i in PERSONS, j in SCHOOLS} :=
  if scope = 'district' then 1
  else if scope = 'zone' then (if zone[j] = zone[school[i]] then 1 else 0)
  else if scope = 'group' then (if grp[j] > 0 and grp[j] = grp[school[i]] then 1 else 0)
  else (if zone[j] = zone[school[i]] or (grp[j] > 0 and grp[j] = grp[school[i]]) then 1 else 0);

# Haversine distance home -> school, km; 0 when either location is unknown.
# asin(z) = atan2(z, sqrt((1-z)(1+z))) since MathProg has no asin.
param hav_sq{i in HOME, j in LOC} :=
  sin((lat[j] - hlat[i]) * rad / 2) * sin((lat[j] - hlat[i]) * rad / 2)
  + cos(hlat[i] * rad) * cos(lat[j] * rad)
    * sin((lon[j] - hlon[i]) * rad / 2) * sin((lon[j] - hlon[i]) * rad / 2);
param hav_z{i in HOME, j in LOC} := min(1, sqrt(hav_sq[i, j]));
param km{i in PERSONS, j in SCHOOLS} :=
  if i in HOME and j in LOC
  then 2 * R_earth * atan(hav_z[i, j], sqrt((1 - hav_z[i, j]) * (1 + hav_z[i, j])))
  else 0;
param commute_ok{i in PERSONS, j in SCHOOLS} :=
  if commute_limit = 0 or not (i in HOME and j in LOC) or km[i, j] <= max_commute_km then 1 else 0;

# Rules shared by teachers and cadres for a school j other than their own.
param common_ok{i in PERSONS, j in SCHOOLS} :=
  if j <> school[i] and inscope[i, j] = 1 and (i, j) not in PAST and commute_ok[i, j] = 1
     and (wishes_only = 0 or gave_wishes[i] = 0 or wrank[i, j] > 0)
  then 1 else 0;

# Allowed destinations (hard), staying included. A destination is (school, stage) for a
# teacher and (school, 'cadre') for a cadre.
set DEST{i in PERSONS} :=
  if role[i] = 'teacher' then
    {(j, g) in SEC: movable[i] = 1 and (
       (j = school[i] and g = stage[i])
       or (common_ok[i, j] = 1
           and srank[g] <= srank[cert[i]]
           and (same_stage = 0 or g = stage[i])
           and capf[j, g, subject[i]] > 0
           and (key_to_same_or_weaker = 0 or key[i] = 'none' or tier[j] >= tier[school[i]])))}
  else
    setof{j in SCHOOLS: movable[i] = 1
                        and (j = school[i] or (common_ok[i, j] = 1 and ccur[j, role[i]] > 0))} (j, 'cadre');
set MOVEOF{i in PERSONS} := {(j, g) in DEST[i]: j <> school[i]};
set MOV := {i in PERSONS: movable[i] = 1};
set ARC := setof{i in MOV, (j, g) in DEST[i]} (i, j, g);
set MOVES := {(i, j, g) in ARC: j <> school[i]};
# Can actually move: movable with at least one destination other than staying.
param canmove{i in PERSONS} := if movable[i] = 1 and card(MOVEOF[i]) > 0 then 1 else 0;

# Persons who may end in a section / school.
set IN{(j, g) in SEC} := {i in TEACH: movable[i] = 1 and (j, g) in DEST[i]};
set FIX{(j, g) in SEC} := {i in AT[j, g]: movable[i] = 0};
set CIN{j in SCHOOLS} := {i in CADRE: movable[i] = 1 and (j, 'cadre') in DEST[i]};
set CFIX{j in SCHOOLS} := {i in CADRE: movable[i] = 0 and school[i] = j};

# Wish cost of a move to j: r - 1 for the r-th wish, wish_miss outside a given list, 0 without wishes.
param wishcost{i in PERSONS, j in SCHOOLS} :=
  if gave_wishes[i] = 0 then 0 else if wrank[i, j] > 0 then wrank[i, j] - 1 else wish_miss;

# Teacher quota: E_j eligible teachers, req_j = ceil(q E_j) with tolerance, 0 outside quota_tiers.
param E{j in SCHOOLS} := card({i in TEACH: school[i] = j and eligible[i] = 1});
param req{j in SCHOOLS} := if tier[j] in QUOTA_TIERS then ceil(teacher_quota * E[j] - eps) else 0;
param T{j in SCHOOLS} := card({i in TEACH: school[i] = j});
param outmax{j in SCHOOLS} := max(floor(max_outflow * T[j] + eps), req[j]);
set MT{j in SCHOOLS} := {i in TEACH: school[i] = j and movable[i] = 1};   # movable teachers of j

# Cadre quota.
param Ec := card({i in CADRE: eligible[i] = 1});
param creq := ceil(cadre_quota_share * Ec - eps);

# Balance: per stage g with sections and indicator m with mu > 0.
param Pg{g in STAGE} := sum{(j, g) in SEC} pupils[j, g];
param C0{g in STAGE, m in IND} := sum{(j, g) in SEC, i in AT[j, g]} prop[i, g, m];
param mu{g in STAGE, m in IND} := if Pg[g] > 0 then 100 * C0[g, m] / Pg[g] else 0;
set BK := {g in STAGE, m in IND, (j, g) in SEC: mu[g, m] > 0};
# lo: with the property and cannot leave; hi: lo + every mover with the property who may end there.
param lo{(g, m, j) in BK} := card({i in AT[j, g]: canmove[i] = 0 and prop[i, g, m] = 1});
param hi{(g, m, j) in BK} := lo[g, m, j] + card({i in IN[j, g]: canmove[i] = 1 and prop[i, g, m] = 1});
param f{(g, m, j) in BK, c in lo[g, m, j] .. hi[g, m, j]} :=
  1e4 * (pupils[j, g] / Pg[g]) * ((100 * c / pupils[j, g] - mu[g, m]) / mu[g, m]) ^ 2;
set BT := {(g, m, j) in BK: hi[g, m, j] > lo[g, m, j]};
param Bconst := sum{(g, m, j) in BK: hi[g, m, j] = lo[g, m, j]} f[g, m, j, lo[g, m, j]];

# Avoidance pairs from either side's list, one orientation, self-pairs dropped.
set AVS := setof{(a, b) in AVOIDL: a <> b} (a, b) union setof{(a, b) in AVOIDL: a <> b} (b, a);
set AVP := {(a, b) in AVS: a < b};
set POSS{i in PERSONS} := if canmove[i] = 1 then setof{(j, g) in DEST[i]} j else {school[i]};

# =====================================================================================
# Variables
# =====================================================================================
var assign{ARC} binary;                                        # x[i, d]
set SHK := setof{(j, g, s) in PKS: posts[j, g, s] > 0} (j, g, s)
           union setof{j in SCHOOLS, r in CROLE: ccur[j, r] > 0} (j, 'cadre', r);
var short{SHK} >= 0;                                           # teacher and cadre shortage
set TQ := {j in SCHOOLS: req[j] > 0};
var u{TQ} >= 0;                                                # teacher-quota slack
set KS := {j in SCHOOLS: card(MT[j]) > 0};
var v{KS} >= 0;                                                # key-share slack
var w >= 0;                                                    # cadre-quota slack
var cnt{(g, m, j) in BT} >= lo[g, m, j], <= hi[g, m, j];   # indicator count c_k of a section
var t{BT} >= 0;                                                # balance epigraph

# =====================================================================================
# Rule 1. Each movable person gets exactly one destination.
# =====================================================================================
s.t. one{i in MOV}: sum{(j, g) in DEST[i]} assign[i, j, g] = 1;

# =====================================================================================
# Rule 2a. Teacher posts, hard cap: A(k,s) <= cap(k,s) = max(posts, current).
# Only where someone can come in from elsewhere (otherwise A <= current <= cap holds).
# =====================================================================================
s.t. post{(j, g, s) in PKS:
          exists{i in IN[j, g]: subject[i] = s and school[i] <> j} 1}:
  card({i in FIX[j, g]: subject[i] = s}) + sum{i in IN[j, g]: subject[i] = s} assign[i, j, g]
  <= cap[j, g, s];

# Rule 2b. Teacher shortage, soft: short(k,s) >= posts(k,s) - A(k,s).
s.t. shortage{(j, g, s) in PKS: posts[j, g, s] > 0}:
  short[j, g, s] + card({i in FIX[j, g]: subject[i] = s})
  + sum{i in IN[j, g]: subject[i] = s} assign[i, j, g] >= posts[j, g, s];

# Rule 2c. Cadre posts per (school, role), posts = cap = current count.
s.t. cpost{j in SCHOOLS, r in CROLE:
           ccur[j, r] > 0 and exists{i in CIN[j]: role[i] = r and school[i] <> j} 1}:
  card({i in CFIX[j]: role[i] = r}) + sum{i in CIN[j]: role[i] = r} assign[i, j, 'cadre']
  <= ccur[j, r];
s.t. cshortage{j in SCHOOLS, r in CROLE: ccur[j, r] > 0}:
  short[j, 'cadre', r] + card({i in CFIX[j]: role[i] = r})
  + sum{i in CIN[j]: role[i] = r} assign[i, j, 'cadre'] >= ccur[j, r];

# =====================================================================================
# Rule 3. Teacher quota (soft), schools with tier in quota_tiers and req_j > 0.
# =====================================================================================
s.t. quota{j in TQ}:
  sum{i in MT[j], (d, g) in MOVEOF[i]} assign[i, d, g] + u[j] >= req[j];

# =====================================================================================
# Rule 4. Key share (soft), schools with a movable teacher.
# =====================================================================================
s.t. keyshare{j in KS}:
  sum{i in MT[j], (d, g) in MOVEOF[i]: key[i] <> 'none'} assign[i, d, g] + v[j]
  >= key_share * sum{i in MT[j], (d, g) in MOVEOF[i]} assign[i, d, g];

# =====================================================================================
# Rule 5. Outflow (hard): moved_j <= max(floor(max_outflow T_j), req_j).
# Only where some teacher of j can leave.
# =====================================================================================
s.t. outflow{j in KS: exists{i in MT[j]} card(MOVEOF[i]) > 0}:
  sum{i in MT[j], (d, g) in MOVEOF[i]} assign[i, d, g] <= outmax[j];

# =====================================================================================
# Rule 6. Cadre quota (soft), district-wide.
# =====================================================================================
s.t. cadre_quota:
  sum{i in CADRE inter MOV, (d, g) in MOVEOF[i]} assign[i, d, g] + w >= creq;

# =====================================================================================
# Rule 7. Avoidance (hard): a pair never ends in the same school, whenever at least one of
# them can move. Both unable to move (and in the same school): a warning, no row.
# =====================================================================================
s.t. avoid{(a, b) in AVP, j in POSS[a] inter POSS[b]: canmove[a] = 1 or canmove[b] = 1}:
  (if canmove[a] = 1 then sum{(j, g) in DEST[a]} assign[a, j, g] else 1)
  + (if canmove[b] = 1 then sum{(j, g) in DEST[b]} assign[b, j, g] else 1) <= 1;

# =====================================================================================
# Balance epigraph. count: cnt_k = lo_k + movers with the property who end in k (one row
# with hi_k - lo_k + 1 entries). balance: t_k >= f_k(c) + (f_k(c+1) - f_k(c)) (cnt_k - c)
# for c = lo_k .. hi_k - 1 (two entries each): exact at every integer cnt_k, and sparse
# (referring to the x columns in every secant would square the nonzeros).
# =====================================================================================
s.t. count{(g, m, j) in BT}:
  cnt[g, m, j] - sum{i in IN[j, g]: canmove[i] = 1 and prop[i, g, m] = 1} assign[i, j, g] = lo[g, m, j];
s.t. balance{(g, m, j) in BT, c in lo[g, m, j] .. hi[g, m, j] - 1}:
  t[g, m, j] >= f[g, m, j, c] + (f[g, m, j, c + 1] - f[g, m, j, c]) * (cnt[g, m, j] - c);

# =====================================================================================
# Objective (minimize). glpsol drops the constant of a MathProg objective ("constant term
# ignored"), so the constant W_balance * Bconst (sections no one can enter or leave) is kept
# out of the LP and added when TOTAL is printed. Unfillable shortages and unmeetable quotas
# are columns (short, u, w) forced by their rows, so they are in the LP objective.
# =====================================================================================
param objconst := W_balance * Bconst;
minimize total:
    W_shortage * sum{(j, g, s) in SHK} short[j, g, s]
  + W_quota * sum{j in TQ} u[j]
  + W_key_share * sum{j in KS} v[j]
  + W_cadre_quota * w
  + W_balance * sum{(g, m, j) in BT} t[g, m, j]
  + sum{(i, j, g) in MOVES} (W_wish * wishcost[i, j] + W_commute * km[i, j] + W_move) * assign[i, j, g];

solve;

# =====================================================================================
# Report
# =====================================================================================
param c_after{(g, m, j) in BK} :=
  lo[g, m, j] + sum{i in IN[j, g]: canmove[i] = 1 and prop[i, g, m] = 1} round(assign[i, j, g]);

printf "TERM shortage %.15g\n", W_shortage * sum{(j, g, s) in SHK} short[j, g, s];
printf "TERM quota %.15g\n", W_quota * sum{j in TQ} u[j];
printf "TERM key_share %.15g\n", W_key_share * sum{j in KS} v[j];
printf "TERM cadre_quota %.15g\n", W_cadre_quota * w;
printf "TERM balance %.15g\n", W_balance * (sum{(g, m, j) in BT} t[g, m, j] + Bconst);
printf "TERM wish %.15g\n", sum{(i, j, g) in MOVES} W_wish * wishcost[i, j] * assign[i, j, g];
printf "TERM commute %.15g\n", sum{(i, j, g) in MOVES} W_commute * km[i, j] * assign[i, j, g];
printf "TERM move %.15g\n", sum{(i, j, g) in MOVES} W_move * assign[i, j, g];
printf "TOTAL %.15g\n", total + objconst;
printf "CHECK lp_objective %.15g\n", total;
printf "CHECK constant %.15g\n", objconst;
printf "CHECK balance_exact %.15g\n", W_balance * sum{(g, m, j) in BK} f[g, m, j, c_after[g, m, j]];
printf "COUNT eligible %d\n", sum{i in PERSONS} eligible[i];
printf "COUNT movable %d\n", card(MOV);
printf "COUNT moved %d\n", sum{(i, j, g) in MOVES} round(assign[i, j, g]);
printf "COUNT shortage %.15g\n", sum{(j, g, s) in SHK} short[j, g, s];
printf "COUNT quota_missing %.15g\n", sum{j in TQ} u[j];
printf{(i, j, g) in MOVES: assign[i, j, g] > 0.5} "MOVE %s %s %s %s\n", i, school[i], j, g;

end;
