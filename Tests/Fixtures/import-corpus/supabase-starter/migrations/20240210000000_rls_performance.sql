-- Supabase's RLS performance advice: wrap auth.uid() in a sub-select so that it is read once
-- per statement (an InitPlan), not once per row.
alter policy "Individuals can view their own todos. " on public.todos
  using ((select auth.uid()) = user_id);

drop policy "Individuals can update their own todos." on public.todos;

create policy "Individuals can update their own todos." on public.todos
  for update to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

alter policy "Users can update own profile." on public.profiles
  to authenticated
  using ((select auth.uid()) = id);
