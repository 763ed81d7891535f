---- MODULE PcStrong ----
EXTENDS Naturals
(* A waiter whose condition keeps coming and going: fair+ (strong fairness) gets it through,
   where weak fairness would not. *)
(* --algorithm PcStrong
variables light = FALSE, passed = FALSE;
fair process Toggler = "t"
begin
  t: while ~passed do
       light := ~light;
     end while;
end process;
fair+ process Waiter = "w"
begin
  w: await light;
     passed := TRUE;
end process;
end algorithm *)
EventuallyPassed == <>passed
====
