ALTER TABLE "members" ADD COLUMN "name_pinyin" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "name_initials" text;