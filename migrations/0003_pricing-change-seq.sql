-- Member levels and promotions reach the tills by change sequence, stamped as in 0001.
CREATE TRIGGER "member_levels_change_seq" BEFORE INSERT OR UPDATE ON "member_levels" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
--> statement-breakpoint
CREATE TRIGGER "promotions_change_seq" BEFORE INSERT OR UPDATE ON "promotions" FOR EACH ROW EXECUTE FUNCTION "stamp_change_seq"();
