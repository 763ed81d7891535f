---- MODULE p44_either_labels_all ----
EXTENDS Naturals
(* --algorithm ela
variables x = 0;
procedure Pr() begin
  pr1: x := x + 1;
       return;
end procedure;
begin
  e: either
       call Pr();
     or
       x := 5;
       goto f;
     or
       el: x := 6;
     end either;
  f: x := 0;
end algorithm *)
====
