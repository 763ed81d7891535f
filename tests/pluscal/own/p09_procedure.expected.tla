---- MODULE p09_procedure ----
EXTENDS Naturals
(* --algorithm procs
variables result = 0;
procedure Fact(n = 0)
variable acc = 1;
begin
  f1: if n <= 1 then
        result := acc;
        return;
      else
        acc := acc * n;
        f3: call Fact(n - 1);
        f2: return;
      end if;
end procedure;
procedure Add(a, b) begin
  ad: result := a + b;
      return;
end procedure;
begin
  m1: call Fact(4);
  m2: call Add(result, 1);
  m3: result := result * 2;
end algorithm *)
\* BEGIN TRANSLATION (chksum(pcal) = "a6e0cdfa" /\ chksum(tla) = "8b5fa93d")
CONSTANT defaultInitValue
VARIABLES pc, result, stack, n, acc, a, b

vars == << pc, result, stack, n, acc, a, b >>

Init == (* Global variables *)
        /\ result = 0
        (* Procedure Fact *)
        /\ n = 0
        /\ acc = 1
        (* Procedure Add *)
        /\ a = defaultInitValue
        /\ b = defaultInitValue
        /\ stack = << >>
        /\ pc = "m1"

f1 == /\ pc = "f1"
      /\ IF n <= 1
            THEN /\ result' = acc
                 /\ pc' = Head(stack).pc
                 /\ acc' = Head(stack).acc
                 /\ n' = Head(stack).n
                 /\ stack' = Tail(stack)
            ELSE /\ acc' = acc * n
                 /\ pc' = "f3"
                 /\ UNCHANGED << result, stack, n >>
      /\ UNCHANGED << a, b >>

f3 == /\ pc = "f3"
      /\ /\ n' = n - 1
         /\ stack' = << [ procedure |->  "Fact",
                          pc        |->  "f2",
                          acc       |->  acc,
                          n         |->  n ] >>
                      \o stack
      /\ acc' = 1
      /\ pc' = "f1"
      /\ UNCHANGED << result, a, b >>

f2 == /\ pc = "f2"
      /\ pc' = Head(stack).pc
      /\ acc' = Head(stack).acc
      /\ n' = Head(stack).n
      /\ stack' = Tail(stack)
      /\ UNCHANGED << result, a, b >>

Fact == f1 \/ f3 \/ f2

ad == /\ pc = "ad"
      /\ result' = a + b
      /\ pc' = Head(stack).pc
      /\ a' = Head(stack).a
      /\ b' = Head(stack).b
      /\ stack' = Tail(stack)
      /\ UNCHANGED << n, acc >>

Add == ad

m1 == /\ pc = "m1"
      /\ /\ n' = 4
         /\ stack' = << [ procedure |->  "Fact",
                          pc        |->  "m2",
                          acc       |->  acc,
                          n         |->  n ] >>
                      \o stack
      /\ acc' = 1
      /\ pc' = "f1"
      /\ UNCHANGED << result, a, b >>

m2 == /\ pc = "m2"
      /\ /\ a' = result
         /\ b' = 1
         /\ stack' = << [ procedure |->  "Add",
                          pc        |->  "m3",
                          a         |->  a,
                          b         |->  b ] >>
                      \o stack
      /\ pc' = "ad"
      /\ UNCHANGED << result, n, acc >>

m3 == /\ pc = "m3"
      /\ result' = result * 2
      /\ pc' = "Done"
      /\ UNCHANGED << stack, n, acc, a, b >>

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == pc = "Done" /\ UNCHANGED vars

Next == Fact \/ Add \/ m1 \/ m2 \/ m3
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(pc = "Done")

\* END TRANSLATION 
====
