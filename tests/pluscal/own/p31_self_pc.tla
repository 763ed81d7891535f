---- MODULE p31_self_pc ----
EXTENDS Naturals
CONSTANT Procs
(* --algorithm selfpc
variables owner = 0, visits = [p \in Procs |-> 0];
process Proc \in Procs
variable mine = 0;
begin
  s1: await owner = 0;
      owner := self;
  s2: visits[self] := visits[self] + 1;
      mine := visits[self];
  s3: if \A q \in Procs : pc[q] # "s1" then owner := 0 else owner := 0 end if;
end process;
end algorithm *)
====
