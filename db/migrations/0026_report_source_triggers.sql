-- The progress report reuses the figures of a closed period while nothing it counts has changed
-- (server/domain/report-figures.ts, issue 12). Every insert, update and delete on a table the
-- report counts bumps the one counter row; drizzle cannot generate triggers, hence this custom
-- migration.
INSERT INTO report_source_changes (id, n) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER report_source_cases_insert AFTER INSERT ON cases BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_cases_update AFTER UPDATE ON cases BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_cases_delete AFTER DELETE ON cases BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_case_events_insert AFTER INSERT ON case_events BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_case_events_update AFTER UPDATE ON case_events BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_case_events_delete AFTER DELETE ON case_events BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_agreements_insert AFTER INSERT ON agreements BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_agreements_update AFTER UPDATE ON agreements BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_agreements_delete AFTER DELETE ON agreements BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_tasks_insert AFTER INSERT ON tasks BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_tasks_update AFTER UPDATE ON tasks BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_tasks_delete AFTER DELETE ON tasks BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_meetings_insert AFTER INSERT ON meetings BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_meetings_update AFTER UPDATE ON meetings BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_meetings_delete AFTER DELETE ON meetings BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_attendance_insert AFTER INSERT ON attendance BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_attendance_update AFTER UPDATE ON attendance BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_attendance_delete AFTER DELETE ON attendance BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_controls_insert AFTER INSERT ON controls BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_controls_update AFTER UPDATE ON controls BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_controls_delete AFTER DELETE ON controls BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_control_partners_insert AFTER INSERT ON control_partners BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_control_partners_update AFTER UPDATE ON control_partners BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_control_partners_delete AFTER DELETE ON control_partners BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_findings_insert AFTER INSERT ON findings BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_findings_update AFTER UPDATE ON findings BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_findings_delete AFTER DELETE ON findings BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_escalations_insert AFTER INSERT ON escalations BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_escalations_update AFTER UPDATE ON escalations BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_escalations_delete AFTER DELETE ON escalations BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_partners_insert AFTER INSERT ON partners BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_partners_update AFTER UPDATE ON partners BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER report_source_partners_delete AFTER DELETE ON partners BEGIN UPDATE report_source_changes SET n = n + 1 WHERE id = 1; END;
