create function sign_text(i int) returns text language sql
begin atomic
  select case when i > 0 then 'plus' else case when i < 0 then 'minus' else 'zero' end end;
end;
select sign_text(1);
