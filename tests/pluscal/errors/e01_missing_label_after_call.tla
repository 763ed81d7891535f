---- MODULE e01_missing_label_after_call ----
(* --algorithm e1
variables x = 0;
procedure Foo() begin f: return; end procedure;
process A = 1
begin
 a1: call Foo();
 x := x + 2;
end process;
end algorithm *)
====
