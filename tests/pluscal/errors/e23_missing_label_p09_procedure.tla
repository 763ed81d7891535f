---- MODULE e23_missing_label_p09_procedure ----
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
        call Fact(n - 1);
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
====
