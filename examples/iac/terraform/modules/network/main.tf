variable "name" {
  type = string
}

variable "admin_ip" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
  tags       = { Name = var.name }
}

resource "aws_security_group" "admin" {
  name        = "${var.name}-admin"
  description = "Administrator access"
  vpc_id      = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.admin.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = var.admin_ip
}

output "vpc_id" {
  value = aws_vpc.main.id
}
