\* pcal-args: -reportLabels
---- MODULE p47_report_labels ----
EXTENDS Naturals
(* --algorithm nolabels
variables i = 0, total = 0;
begin
  while i < 3 do
    total := total + i;
    i := i + 1;
  end while;
  if total > 2 then total := 0 end if;
  total := total + 1;
end algorithm *)
====
