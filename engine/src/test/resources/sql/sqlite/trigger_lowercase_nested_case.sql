create trigger t_ins after insert on t begin
  update t set k = case when new.a > 0 then case when new.a > 9 then 'big' else 'small' end else 'neg' end where rowid = new.rowid;
end;
select 1;
