terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

locals {
  name = "kitsune-${var.env}"
  tags = {
    Project = "kitsune"
    Env     = var.env
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-logs"
  tags   = local.tags
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = true
}

resource "aws_kms_key" "data" {
  description         = "Kitsune data key"
  enable_key_rotation = false
}

module "network" {
  source   = "./modules/network"
  name     = local.name
  admin_ip = var.admin_cidr
}

resource "aws_db_instance" "orders" {
  identifier        = "${local.name}-orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "orders"
  password          = var.db_password
  storage_encrypted = true
  # mamori:skip aws-rds-instance-multi-az Single AZ accepted for the staging copy until go-live (SEC-112)
  multi_az = false
}
