-- Teams: members read their team's rows; admins (a JWT app_metadata claim) read everything.
create table public.teams (
  id uuid primary key,
  name text not null
);

create table public.team_members (
  team_id uuid not null references public.teams on delete cascade,
  user_id uuid not null references auth.users on delete cascade,
  primary key (team_id, user_id)
);

create table public.projects (
  id uuid primary key,
  team_id uuid not null references public.teams on delete cascade,
  name text not null,
  created_by uuid references auth.users
);

alter table public.teams enable row level security;
alter table public.team_members enable row level security;
alter table public.projects enable row level security;

create policy "Team members can view their teams" on public.teams
  for select to authenticated
  using (id in (select team_id from public.team_members where user_id = (select auth.uid())));

create policy "Members can view fellow members" on public.team_members
  for select to authenticated
  using (user_id = auth.uid());

create policy "Team members can view projects" on public.projects
  for select to authenticated
  using (
    team_id in (
      select team_id from team_members
      where user_id = (select auth.uid())
    )
  );

create policy "Team members can create projects" on public.projects
  for insert to authenticated
  with check (
    exists (
      select 1 from public.team_members tm
      where tm.team_id = projects.team_id and tm.user_id = auth.uid()
    )
    and created_by = (select auth.uid())
  );

create policy "Admins can view every project" on public.projects
  for select to authenticated
  using ((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin');

create policy "Users see projects shared by email" on public.projects
  for select to authenticated
  using (name = (select auth.jwt() ->> 'email'));

grant select on public.teams, public.team_members to authenticated;
grant select, insert on public.projects to authenticated;
