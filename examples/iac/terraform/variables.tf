variable "region" {
  type    = string
  default = "ap-northeast-1"
}

variable "env" {
  type    = string
  default = "stg"
}

variable "admin_cidr" {
  type        = string
  description = "Where administrators connect from"
}

variable "db_password" {
  type      = string
  sensitive = true
}
