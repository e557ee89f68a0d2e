"""The analysis-and-measures document (O42 up to 2567, O25 from 2569): read a file into rows
and lines (`source`), recognise what it says (`recognise`, `periods`) into a plan (`plan`),
write the plan (`write`)."""
