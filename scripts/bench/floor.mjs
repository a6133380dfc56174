/**
 * The floor: the bench's list and nested queries answered by one hand-written SQL statement each, through pg in
 * a bare node:http handler. PostgreSQL builds the JSON document (same shape as SRO Hub's answer) and the handler
 * sends it as it comes. No authentication, no transaction, no GraphQL: the least work that gives the same answer.
 *
 *   DATABASE_URL=... PORT=4100 node scripts/bench/floor.mjs
 *   POST /officers {"page": 1}     POST /schools {"day": "2026-11-27"}
 */
import http from 'node:http';
import process from 'node:process';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const QUERIES = {
  // 25 ACTIVE officers by last name (ties by id) with their agency, and how many match.
  officers: {
    text: `select json_build_object('data', json_build_object('officers', json_build_object(
             'totalCount', (select count(*) from officer where status = 'ACTIVE'),
             'items', coalesce(json_agg(json_build_object(
               'id', o.id::text, 'firstName', o.first_name, 'lastName', o.last_name, 'badgeNumber', o.badge_number, 'rank', o.rank,
               'status', o.status, 'email', o.email, 'phone', o.phone, 'agency', json_build_object('id', g.id::text, 'name', g.name))
               order by o.last_name, o.id), '[]'))))::text as body
             from (select * from officer where status = 'ACTIVE' order by last_name, id limit 25 offset ($1::int - 1) * 25) o
             join agency g on g.id = o.agency_id`,
    params: (input) => [input.page],
  },
  // 100 schools by name, each with its assignments active on the day (by start date), officer and agency.
  schools: {
    text: `select json_build_object('data', json_build_object('schools', json_build_object(
             'totalCount', (select count(*) from school),
             'items', coalesce(json_agg(json_build_object('id', s.id::text, 'name', s.name, 'assignmentsOn', (
               select coalesce(json_agg(json_build_object('id', a.id::text, 'role', a.role, 'fte', a.fte,
                        'officer', json_build_object('id', o.id::text, 'firstName', o.first_name, 'lastName', o.last_name, 'rank', o.rank,
                          'agency', json_build_object('id', g.id::text, 'name', g.name))) order by a.start_date, a.id), '[]')
                 from assignment a join officer o on o.id = a.officer_id join agency g on g.id = o.agency_id
                where a.school_id = s.id and a.start_date <= $1::date and (a.end_date is null or a.end_date >= $1::date)))
               order by s.name, s.id), '[]'))))::text as body
             from (select id, name from school order by name, id limit 100) s`,
    params: (input) => [input.day],
  },
};

const server = http.createServer((request, response) => {
  const query = QUERIES[request.url.slice(1)];
  if (!query || request.method !== 'POST') {
    response.writeHead(404).end();
    return;
  }
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    pool.query(query.text, query.params(JSON.parse(body))).then(
      (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(result.rows[0].body),
      (error) =>
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
    );
  });
});
server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end()));
